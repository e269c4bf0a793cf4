package io.liquid5gc.ausf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The AUSF as its own always-on service: its functions at {@code POST /{function}}, default port 8003. */
@SpringBootApplication
public class AusfApplication {

    public static void main(String[] args) {
        NfApplications.run(AusfApplication.class, "nf-ausf", 8003, args);
    }
}
