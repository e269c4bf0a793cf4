package io.liquid5gc.runtime.training;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.liquid5gc.runtime.security.EcJwkSets;
import java.text.ParseException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In a training run ({@code liquid5gc.training.requests > 0}) the process is its own NRF: a fresh ES256 key, made at
 * every start and never written anywhere, signs the training calls' access tokens, and its public half is the JWK set
 * the function endpoint verifies them with ({@code liquid5gc.security.jwks}, over anything configured). SBI security
 * stays on, so the verification path is trained like the rest (TS 33.501 13.4.1). The private key is handed to
 * {@link TrainingRun} in {@value #KEY_PROPERTY}; the process exits when training is done. The run also leaves out the
 * JVM metrics ({@code liquid5gc.metrics.jvm.enabled=false}), as a FaaS replica does: the AOT cache then holds none of
 * their ~190 classes, which the cache's every process would load at start.
 */
public final class TrainingKey implements EnvironmentPostProcessor {

    static final String KEY_PROPERTY = "liquid5gc.training.signing-key";
    static final String KEY_ID = "liquid5gc-training";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Integer requests = env.getProperty("liquid5gc.training.requests", Integer.class, 0);
        if (requests == null || requests <= 0) {
            return;
        }
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
            env.getPropertySources().addFirst(new MapPropertySource("liquid5gcTraining", Map.of(
                    "liquid5gc.security.jwks", EcJwkSets.write(java.util.List.of(key), false),
                    KEY_PROPERTY, EcJwkSets.writePrivate(key),
                    // the cache holds what the training run loads and every process loads all of it at start: not the
                    // JVM metrics a FaaS replica leaves out (always-on processes load those classes from the class path)
                    "liquid5gc.metrics.jvm.enabled", "false")));
        } catch (JOSEException e) {
            throw new IllegalStateException("liquid5gc.training: cannot make the training key: " + e.getMessage(), e);
        }
    }

    static ECKey parse(String json) {
        try {
            return EcJwkSets.parseKey(json);
        } catch (ParseException e) {
            throw new IllegalStateException("liquid5gc.training: bad training key", e);
        }
    }
}
