import java.io.File;
import java.util.List;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer for bench/compare_ftp.py: one listener on 127.0.0.1, anonymous login with
 * write permission in the given home directory, no limits that a burst of concurrent clients
 * would hit. Configured in code, no XML, no user file. Run as a single-file source program:
 *
 * <pre>
 * java -cp &lt;ftpserver-core, ftplet-api, mina-core, slf4j jars&gt; bench/ftpserver/FtpServerLauncher.java \
 *     &lt;port&gt; &lt;home-dir&gt; [passive-ports, default 41000-41999]
 * </pre>
 *
 * Prints one line "listening on 127.0.0.1:&lt;port&gt;" once it accepts connections; runs until
 * it is killed. The server is left as shipped otherwise (no TCP_NODELAY on the control
 * connection: its ~40 ms stall per small command is part of what is measured).
 */
public class FtpServerLauncher {

    private static final int MANY = 10_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: FtpServerLauncher <port> <home-dir> [passive-ports]");
            System.exit(2);
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // no line per command
        }
        int port = Integer.parseInt(args[0]);
        File home = new File(args[1]).getAbsoluteFile();
        String passivePorts = args.length > 2 ? args[2] : "41000-41999";
        if (!home.isDirectory() && !home.mkdirs()) {
            throw new IllegalStateException("cannot create " + home);
        }

        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(passivePorts);
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");

        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(true);
        connections.setMaxLogins(MANY);              // default 10: the burst opens 50 at once
        connections.setMaxAnonymousLogins(MANY);
        connections.setMaxThreads(0);                // 0: as many threads as logins allowed
        connections.setLoginFailureDelay(0);

        BaseUser anonymous = new BaseUser();
        anonymous.setName("anonymous");
        anonymous.setHomeDirectory(home.getPath());
        anonymous.setMaxIdleTime(0);
        anonymous.setAuthorities(List.of(new WritePermission(),
                new ConcurrentLoginPermission(MANY, MANY), new TransferRatePermission(0, 0)));
        UserManager users = new PropertiesUserManagerFactory().createUserManager(); // no file: in memory
        users.save(anonymous);

        NativeFileSystemFactory files = new NativeFileSystemFactory();
        files.setCreateHome(true);

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.setUserManager(users);
        factory.setFileSystem(files);

        FtpServer server = factory.createServer();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("listening on 127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
