package org.filedock.cli.client;

/** Whether a transfer is proven by SHA-256 (the default of the shell) or not ({@code --no-verify}). */
public enum Verification {
    VERIFIED,
    UNVERIFIED
}
