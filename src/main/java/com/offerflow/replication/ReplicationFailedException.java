package com.offerflow.replication;

/** A technical failure of replication, with a message an operator can act on in Cockpit. */
class ReplicationFailedException extends RuntimeException {

    ReplicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
