package io.liquid5gc.nssf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The NSSF as its own always-on service: its functions at {@code POST /{function}}, default port 8007. */
@SpringBootApplication
public class NssfApplication {

    public static void main(String[] args) {
        NfApplications.run(NssfApplication.class, "nf-nssf", 8007, args);
    }
}
