package io.liquid5gc.proxy;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The NGAP proxy alone (N2 on UDP 9899; actuator on HTTP 8009); the functions it drives are placed by configuration. */
@SpringBootApplication
public class ProxyApplication {

    public static void main(String[] args) {
        NfApplications.run(ProxyApplication.class, "ngap-proxy", 8009, args);
    }
}
