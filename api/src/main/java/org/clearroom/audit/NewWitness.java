package org.clearroom.audit;

import org.clearroom.platform.Length;
import org.clearroom.platform.SingleLine;

/**
 * An organisation's Ed25519 cosigning key to register, in one of two forms: {@code vkey}, the C2SP vkey
 * {@code <name>+<hex key id>+<base64(0x04 || key)>} that witness software prints (a plain Ed25519 note
 * vkey, type 0x01, is accepted too), or {@code name} and {@code publicKey}, the base64 of the raw 32-byte
 * Ed25519 public key.
 */
public record NewWitness(
        @Length(max = 400) String vkey,
        @SingleLine @Length(max = 200) String name,
        @Length(max = 100) String publicKey) {}
