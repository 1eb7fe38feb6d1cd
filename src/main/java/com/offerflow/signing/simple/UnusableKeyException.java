package com.offerflow.signing.simple;

/** A key file that cannot be used to sign or to verify, with what is wrong with it in plain words. */
public class UnusableKeyException extends Exception {

    public UnusableKeyException(String message) {
        super(message);
    }
}
