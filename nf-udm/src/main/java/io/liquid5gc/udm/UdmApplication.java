package io.liquid5gc.udm;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The UDM as its own always-on service: its functions at {@code POST /{function}}, default port 8004. */
@SpringBootApplication
public class UdmApplication {

    public static void main(String[] args) {
        NfApplications.run(UdmApplication.class, "nf-udm", 8004, args);
    }
}
