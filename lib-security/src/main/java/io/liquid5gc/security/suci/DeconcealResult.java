package io.liquid5gc.security.suci;

/** Result of {@link SuciDeconcealer#deconceal(Suci)}: the SUPI, or a {@link SuciError}. */
public sealed interface DeconcealResult permits DeconcealResult.Deconcealed, SuciError {

    record Deconcealed(Supi supi) implements DeconcealResult {
    }
}
