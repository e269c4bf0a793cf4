package io.liquid5gc.runtime.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;

/**
 * The NRF's {@code /oauth2/jwks} (TS 29.510): fetched with Nimbus's {@link ResourceRetriever}, read by
 * {@link EcJwkSets} (Nimbus's own URL source reads it with Gson). {@code JWKSourceBuilder} wraps it with its cache,
 * refresh ahead of expiry and the fetch again when a token names an unknown {@code kid}, rate-limited.
 */
final class JwksEndpoint implements JWKSetSource<SecurityContext> {

    private final URL url;
    private final ResourceRetriever retriever;

    JwksEndpoint(URL url, ResourceRetriever retriever) {
        this.url = url;
        this.retriever = retriever;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long now, SecurityContext context) throws KeySourceException {
        String json;
        try {
            json = retriever.retrieveResource(url).getContent();
        } catch (IOException e) {
            throw new JWKSetRetrievalException("cannot fetch the NRF's JWK set from " + url + ": " + e.getMessage(), e);
        }
        try {
            return EcJwkSets.parse(json);
        } catch (ParseException e) {
            throw new JWKSetParseException("the JWK set from " + url + " is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
