package io.liquid5gc.security.zuc;

import org.bouncycastle.crypto.engines.Zuc128CoreEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Memoable;

/**
 * ZUC-128 keystream words (ZUC specification, TS 35.221 Document 2) from Bouncy Castle's core engine. The
 * subclass exposes the 32-bit words directly and lifts the engine's 2047-word limit, which would otherwise cap
 * a NAS message at 8 KiB.
 */
final class ZucKeystream extends Zuc128CoreEngine {
    ZucKeystream(byte[] key, byte[] iv) {
        init(true, new ParametersWithIV(new KeyParameter(key), iv));
    }

    private ZucKeystream(ZucKeystream other) {
        super(other);
    }

    int next() {
        return makeKeyStreamWord();
    }

    @Override
    protected int getMaxIterations() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Memoable copy() {
        return new ZucKeystream(this);
    }
}
