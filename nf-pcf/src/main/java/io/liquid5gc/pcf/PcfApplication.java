package io.liquid5gc.pcf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The PCF as its own always-on service: its functions at {@code POST /{function}}, default port 8006. */
@SpringBootApplication
public class PcfApplication {

    public static void main(String[] args) {
        NfApplications.run(PcfApplication.class, "nf-pcf", 8006, args);
    }
}
