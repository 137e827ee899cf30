package org.filedock.connector.tls;

/**
 * A ClientHello that offers TLS 1.1 only (record and hello version 3.2), with CBC suites that
 * TLS 1.1 knows; made by hand, since the JDK's own client will not send one.
 */
final class Tls11ClientHello {

    private Tls11ClientHello() {
    }

    static byte[] bytes() {
        byte[] suites = {(byte) 0xc0, 0x13, (byte) 0xc0, 0x14, 0x00, 0x2f, 0x00, 0x35};
        int helloLength = 2 + 32 + 1 + 2 + suites.length + 2;
        byte[] record = new byte[5 + 4 + helloLength];
        int i = 0;
        record[i++] = 22;                                  // handshake
        record[i++] = 3;
        record[i++] = 2;                                   // TLS 1.1
        record[i++] = (byte) ((4 + helloLength) >> 8);
        record[i++] = (byte) (4 + helloLength);
        record[i++] = 1;                                   // ClientHello
        record[i++] = 0;
        record[i++] = (byte) (helloLength >> 8);
        record[i++] = (byte) helloLength;
        record[i++] = 3;
        record[i++] = 2;                                   // client_version TLS 1.1
        i += 32;                                           // random (zeros will do)
        record[i++] = 0;                                   // no session id
        record[i++] = 0;
        record[i++] = (byte) suites.length;
        System.arraycopy(suites, 0, record, i, suites.length);
        i += suites.length;
        record[i++] = 1;                                   // one compression method:
        record[i] = 0;                                     // none
        return record;
    }
}
