package dev.supervision.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.JChannel;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TCP;
import org.jgroups.stack.ProtocolStack;

/**
 * The cluster's secret at work: an AES key derived from it (PBKDF2, salted with the cluster's name)
 * encrypts every message right above the transport (SYM_ENCRYPT, AES/CBC/PKCS5Padding with a 16-byte
 * IV). A member without the secret sends messages whose key version nobody knows: they are dropped
 * before any protocol reads them, so it can neither join, nor be seen, nor deliver anything.
 */
final class Security {

    private static final int ITERATIONS = 20_000;

    private Security() {
    }

    /** Adds encryption keyed from {@code secret} to {@code channel}, before it connects. */
    static void encrypt(JChannel channel, String cluster, String secret) throws Exception {
        SYM_ENCRYPT encrypt = new SYM_ENCRYPT();
        encrypt.setSecretKey(key(cluster, secret));
        encrypt.symAlgorithm("AES/CBC/PKCS5Padding");
        encrypt.symIvLength(16);
        ProtocolStack stack = channel.getProtocolStack();
        stack.insertProtocol(encrypt, ProtocolStack.Position.ABOVE, TCP.class);
        encrypt.setProtocolStack(stack);
        encrypt.init(); // the stack initialised its protocols when the channel was made; this one came later
    }

    static SecretKey key(String cluster, String secret) throws GeneralSecurityException {
        byte[] salt = ("supervision-cluster:" + cluster).getBytes(StandardCharsets.UTF_8);
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 128);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }
}
