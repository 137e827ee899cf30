package org.filedock.ejb.service;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferBuffersTest {

    private final TransferBuffers buffers = new TransferBuffers();

    @Test
    void aReturnedBufferIsLentAgainCleared() {
        ByteBuffer first;
        try (TransferBuffers.Lease lease = buffers.lease()) {
            first = lease.buffer();
            assertTrue(first.isDirect());
            assertEquals(TransferBuffers.SIZE, first.capacity());
            first.put((byte) 1).limit(10);
        }
        try (TransferBuffers.Lease lease = buffers.lease()) {
            assertSame(first, lease.buffer());
            assertEquals(0, lease.buffer().position());
            assertEquals(TransferBuffers.SIZE, lease.buffer().limit());
        }
    }

    @Test
    void twoLeasesAtOnceNeverShareABuffer() {
        try (TransferBuffers.Lease a = buffers.lease(); TransferBuffers.Lease b = buffers.lease()) {
            assertNotSame(a.buffer(), b.buffer());
        }
    }

    @Test
    void closingTwiceReturnsOnceAndTheSpareAreBounded() {
        TransferBuffers.Lease lease = buffers.lease();
        lease.close();
        lease.close();
        assertNull(lease.buffer());
        assertEquals(1, buffers.spareCount());

        List<TransferBuffers.Lease> burst = new ArrayList<>();
        for (int i = 0; i < TransferBuffers.MAX_SPARE + 10; i++) {
            burst.add(buffers.lease());
        }
        burst.forEach(TransferBuffers.Lease::close);
        assertEquals(TransferBuffers.MAX_SPARE, buffers.spareCount());
    }
}
