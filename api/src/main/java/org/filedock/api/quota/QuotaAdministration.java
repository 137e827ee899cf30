package org.filedock.api.quota;

import java.util.OptionalLong;

import org.filedock.api.CommandException;

/**
 * Usage and quotas for the HTTP API (contract §13, §14). Who may ask what is decided by the web
 * tier, as for the history: any FileDock user their own usage, an administrator the quotas.
 */
public interface QuotaAdministration {

    /**
     * A user's usage; without accounts ({@code filedock.auth=none}) that of the shared root,
     * whoever asks.
     *
     * @throws CommandException FORBIDDEN for a name that can have no home
     */
    Usage usageOf(String user) throws CommandException;

    /**
     * Stores a user's own quota, durably; empty resets it to {@code filedock.quota}. Uploads
     * admitted before keep going; the next one is checked against it.
     *
     * @throws CommandException BAD_REQUEST for a negative quota or a name that can be no user's
     */
    void setQuota(String user, OptionalLong quota) throws CommandException;
}
