package io.liquid5gc.udr;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The UDR as its own always-on service: its functions at {@code POST /{function}}, default port 8005. */
@SpringBootApplication
public class UdrApplication {

    public static void main(String[] args) {
        NfApplications.run(UdrApplication.class, "nf-udr", 8005, args);
    }
}
