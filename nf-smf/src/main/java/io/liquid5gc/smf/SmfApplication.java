package io.liquid5gc.smf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The SMF as its own always-on service: its functions at {@code POST /{function}}, default port 8002. */
@SpringBootApplication
public class SmfApplication {

    public static void main(String[] args) {
        NfApplications.run(SmfApplication.class, "nf-smf", 8002, args);
    }
}
