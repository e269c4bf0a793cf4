package io.liquid5gc.nrf;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The NRF as its own always-on service: its functions at {@code POST /{function}}, default port 8000. */
@SpringBootApplication
public class NrfApplication {

    public static void main(String[] args) {
        NfApplications.run(NrfApplication.class, "nf-nrf", 8000, args);
    }
}
