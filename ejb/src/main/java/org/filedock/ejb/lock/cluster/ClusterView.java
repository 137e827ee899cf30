package org.filedock.ejb.lock.cluster;

import java.util.Set;

/** This node and the members of the cluster it sees now. */
public interface ClusterView {

    /** This node's name, unique in the cluster. */
    String self();

    /** The names of the members in the current view, this node included. */
    Set<String> memberNames();

    /** How many members the cluster is configured to have ({@code filedock.cluster}). */
    int configuredSize();

    default boolean hasMajority() {
        return memberNames().size() * 2 > configuredSize();
    }
}
