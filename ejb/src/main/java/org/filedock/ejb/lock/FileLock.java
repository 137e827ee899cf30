package org.filedock.ejb.lock;

/** A lock held on one path; closing releases it. Closing again does nothing. */
public interface FileLock extends AutoCloseable {

    @Override
    void close();
}
