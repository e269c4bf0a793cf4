package io.liquid5gc.allinone;

import io.liquid5gc.runtime.app.NfApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The whole core in one process: every NF's functions are on the classpath as auto-configurations and call
 * each other in-process ({@code local} placement, the default); state and registry in-process, subscribers
 * journaled to {@code data/}. Any NF can still be moved out with {@code liquid5gc.nf.<nf>.placement}.
 */
@SpringBootApplication
public class AllInOneApplication {

    public static void main(String[] args) {
        NfApplications.run(AllInOneApplication.class, "liquid5gc", 8080, args);
    }
}
