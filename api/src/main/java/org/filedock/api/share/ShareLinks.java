package org.filedock.api.share;

import java.time.Instant;
import java.util.List;

import org.filedock.api.CommandException;
import org.filedock.api.SessionState;

/**
 * Share links (contract §14): a link to one file of the caller's area, with an expiry and an
 * optional password, that anyone holding it may download. Only a hash of a link's token is kept,
 * so a link is named afterwards by its {@link ShareLink#id() id} (or by its token). With
 * {@code filedock.auth=none} everybody shares the root, so everybody may make, list and revoke the
 * links made without accounts; with accounts a link is its maker's, and only the maker or an
 * administrator may revoke it.
 */
public interface ShareLinks {

    /**
     * Makes a link to a file of the caller's area.
     *
     * @param password null for a link without one; the caller wipes it afterwards
     * @param baseUrl the web context's public address, e.g. {@code http://host:8080/filedock}
     * @param session the request or connection, for the audit trail (which records the link's id and expiry)
     * @throws CommandException BAD_REQUEST for an expiry not in the future, IS_A_DIRECTORY, NOT_FOUND,
     *         FORBIDDEN as the path's checks
     */
    CreatedShare create(String path, Instant expiresAt, char[] password, String baseUrl, SessionState session)
            throws CommandException;

    /** The caller's links (expired ones too, until revoked), newest first. */
    List<ShareLink> mine() throws CommandException;

    /**
     * Revokes a link at once.
     *
     * @param tokenOrId the link's token or its id
     * @param session the request or connection, for the audit trail
     * @throws CommandException NOT_FOUND for an unknown link and for another user's (unless the
     *         caller is an administrator)
     */
    void revoke(String tokenOrId, SessionState session) throws CommandException;

    /**
     * Opens the file a link shares, for anyone holding the token, under its owner's area, locks and
     * history ({@code channel share}); the caller closes what it gets.
     *
     * @param password what the holder gave (null: nothing); checked against the link's and limited
     *        against guessing per link and per address
     * @param session the request (its address; the history and audit record the owner as the user)
     * @throws ShareRefused for an unknown, revoked or expired link or a missing/wrong password
     * @throws CommandException BUSY (the file is being uploaded), NOT_FOUND (no longer there)
     */
    SharedFile open(String token, char[] password, SessionState session) throws ShareRefused, CommandException;
}
