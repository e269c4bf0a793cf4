package io.liquid5gc.allinone;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link HttpPlacementEndToEndTest} with mutual TLS on as well as tokens (TS 33.501 13.1): every process has an NF
 * certificate naming its instance (made by the test with Bouncy Castle), the servers require client certificates, the
 * NRF authenticates token requests by the certificate, and every producer checks that the token's subject is the
 * instance of the client certificate.
 */
class HttpPlacementMtlsEndToEndTest extends HttpPlacementEndToEndTest {

    @BeforeAll
    static void start() throws Exception {
        startCore(true);
    }
}
