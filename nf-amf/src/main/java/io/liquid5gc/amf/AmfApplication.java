package io.liquid5gc.amf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The AMF as its own always-on service: its functions at {@code POST /{function}}, default port 8001. */
@SpringBootApplication
public class AmfApplication {

    public static void main(String[] args) {
        NfApplications.run(AmfApplication.class, "nf-amf", 8001, args);
    }
}
