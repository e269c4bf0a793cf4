package io.liquid5gc.proxy;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The NGAP proxy alone (N2 on UDP 9899; actuator on HTTP 8009); the functions it drives are placed by configuration. */
@SpringBootApplication
public class ProxyApplication {

    public static void main(String[] args) {
        // its calls to the AMF carry N2_PROXY tokens (TS 33.501 13.4.1; sbi-api SbiAuthorization)
        NfApplications.run(ProxyApplication.class, "ngap-proxy", 8009, java.util.Map.of("liquid5gc.security.nf-type", "N2_PROXY"), args);
    }
}
