package io.liquid5gc.r17;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Release 17 NFs (NWDAF, CHF, NSACF, BSF) as one always-on service, default port 8008. Each is switched
 * with {@code liquid5gc.nf.<nf>.enabled} (default true): off, its functions are not deployed and callers skip it.
 */
@SpringBootApplication
public class R17Application {

    public static void main(String[] args) {
        NfApplications.run(R17Application.class, "nf-r17", 8008, args);
    }
}
