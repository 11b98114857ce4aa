package org.clearroom.audit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Ed25519 with the JDK's own provider, with keys as the raw 32 bytes that signed notes carry. */
public final class Ed25519 {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since 15", e);
        }
    }

    public static byte[] rawPublic(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    public static byte[] rawPrivate(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * Why {@code raw} cannot be a signer's public key, or null when it can. Refused (RFC 8032 §5.1.3,
     * and the small-order check of libsodium and ZIP 215): an encoding whose y is not below p, one that
     * names no point of the curve, and the eight points of small order, such as all zeros, for which a
     * signature can be made without any private key.
     */
    public static String publicKeyProblem(byte[] raw) {
        if (raw == null || raw.length != 32) {
            return "an Ed25519 public key has 32 bytes";
        }
        var little = raw.clone();
        boolean xOdd = (little[31] & 0x80) != 0;
        little[31] &= 0x7F;
        var y = new BigInteger(1, reversed(little));
        if (y.compareTo(P) >= 0) {
            return "is not a canonical Ed25519 point encoding";
        }
        // x² = (y² − 1) / (d·y² + 1)
        var y2 = y.multiply(y).mod(P);
        var x2 = y2.subtract(BigInteger.ONE)
                .multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P))
                .mod(P);
        var x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
            if (!x.multiply(x).mod(P).equals(x2)) {
                return "is not a point of the Ed25519 curve";
            }
        }
        if (x.signum() == 0 && xOdd) {
            return "is not a canonical Ed25519 point encoding";
        }
        if (x.testBit(0) != xOdd) {
            x = P.subtract(x);
        }
        // the point times the cofactor 8 is the neutral element exactly when its order divides 8
        var point = new BigInteger[] {x, y};
        for (int i = 0; i < 3; i++) {
            point = add(point, point);
        }
        if (point[0].signum() == 0 && point[1].equals(BigInteger.ONE)) {
            return "is a point of small order, for which signatures can be forged";
        }
        return null;
    }

    /** p = 2^255 − 19. */
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** d = −121665 / 121666 mod p. */
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);

    /** A square root of −1 mod p: 2^((p − 1) / 4). */
    private static final BigInteger SQRT_MINUS_ONE =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    /** Affine addition on −x² + y² = 1 + d·x²·y² (RFC 8032 §5.1.4), complete for this curve. */
    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        var xx = a[0].multiply(b[0]).mod(P);
        var yy = a[1].multiply(b[1]).mod(P);
        var dxy = D.multiply(xx).multiply(yy).mod(P);
        var x = a[0].multiply(b[1])
                .add(a[1].multiply(b[0]))
                .multiply(BigInteger.ONE.add(dxy).modInverse(P));
        var y = yy.add(xx).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P));
        return new BigInteger[] {x.mod(P), y.mod(P)};
    }

    private static byte[] reversed(byte[] bytes) {
        var out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    public static PrivateKey privateKey(byte[] raw) {
        requireLength(raw);
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes == null || signatureBytes.length != 64) {
            return false;
        }
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void requireLength(byte[] raw) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("Ed25519 keys are 32 bytes");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
