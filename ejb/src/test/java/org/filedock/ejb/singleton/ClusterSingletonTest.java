package org.filedock.ejb.singleton;

import org.filedock.ejb.config.StorageProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSingletonTest {

    @AfterEach
    void single() {
        ClusterSingleton.deposed();
        System.clearProperty(StorageProducer.CLUSTER);
    }

    @Test
    void aSingleServerAlwaysRunsIt() {
        assertTrue(ClusterSingleton.runsHere());
    }

    @Test
    void aClusterMemberRunsItOnlyWhileElected() {
        System.setProperty(StorageProducer.CLUSTER, "true");
        assertFalse(ClusterSingleton.runsHere());
        ClusterSingleton.elected();
        assertTrue(ClusterSingleton.runsHere());
        ClusterSingleton.deposed();
        assertFalse(ClusterSingleton.runsHere());
    }
}
