package org.clearroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519Test {

    @Test
    void keysThatSignersHoldAreAccepted() {
        for (int i = 0; i < 50; i++) {
            var raw = Ed25519.rawPublic(Ed25519.generate().getPublic());
            assertThat(Ed25519.publicKeyProblem(raw))
                    .as(HexFormat.of().formatHex(raw))
                    .isNull();
        }
    }

    /** The eight points of small order as libsodium lists them (ge25519_has_small_order), canonical ones. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0000000000000000000000000000000000000000000000000000000000000000", // order 4
                "0100000000000000000000000000000000000000000000000000000000000000", // the neutral element
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8, x negated
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8, x negated
                "0000000000000000000000000000000000000000000000000000000000000080", // order 4, x negated
            })
    void pointsOfSmallOrderAreRefused(String hex) {
        assertThat(Ed25519.publicKeyProblem(HexFormat.of().parseHex(hex))).contains("small order");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "0100000000000000000000000000000000000000000000000000000000000080", // x = 0 with its sign set
            })
    void nonCanonicalEncodingsAreRefused(String hex) {
        assertThat(Ed25519.publicKeyProblem(HexFormat.of().parseHex(hex))).contains("canonical");
    }

    @Test
    void encodingsOfNoPointAreRefused() {
        // about half of all y have no x on the curve
        var refused = IntStream.range(2, 40)
                .mapToObj(y -> Ed25519.publicKeyProblem(littleEndian(BigInteger.valueOf(y))))
                .filter(problem -> problem != null && problem.contains("not a point"))
                .count();
        assertThat(refused).isGreaterThan(5);
    }

    @Test
    void wrongLengthsAreRefused() {
        assertThat(Ed25519.publicKeyProblem(new byte[31])).contains("32 bytes");
        assertThat(Ed25519.publicKeyProblem(null)).contains("32 bytes");
    }

    private static byte[] littleEndian(BigInteger value) {
        var big = value.toByteArray();
        var out = new byte[32];
        for (int i = 0; i < big.length && i < 32; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }
}
