package org.venula.accesslog;

import java.time.OffsetDateTime;

/**
 * What checking the clinic's access-log chain found. {@code intact} is true when every sealed entry still hashes to
 * its seal, no seal is missing and no entry older than the sealing delay was left unsealed. {@code head} is the last
 * link: note its hash somewhere outside the database (a print-out, the clinic's records) and a later rewrite of the
 * whole chain shows too.
 */
public record ChainVerification(boolean intact, long entriesChecked, long entriesAwaitingSeal, Link head,
        Break firstBreak, OffsetDateTime verifiedAt, boolean protectedByDatabase, String protection) {

    /** One link of the chain. */
    public record Link(long seq, long entryId, String hash) {
    }

    /** The first place the chain does not hold, and what is wrong there. */
    public record Break(long seq, Long entryId, String problem) {
    }
}
