package org.filedock.it;

import java.io.IOException;
import java.util.List;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/** The server's own figures, read through its management interface. */
final class ServerMetrics {

    /** The JCA default work manager's short-running pool, which runs every command. */
    record WorkerPool(int currentThreads, int largestThreads, int queueSize, int rejected) {
    }

    private final ManagementClient client;

    ServerMetrics(ManagementClient client) {
        this.client = client;
    }

    WorkerPool workerPool() throws IOException {
        ModelNode pool = read(address("subsystem", "jca", "workmanager", "default", "short-running-threads", "default"));
        return new WorkerPool(pool.get("current-thread-count").asInt(), pool.get("largest-thread-count").asInt(),
                pool.get("queue-size").asInt(), pool.get("rejected-count").asInt());
    }

    int threadCount() throws IOException {
        return read(address("core-service", "platform-mbean", "type", "threading")).get("thread-count").asInt();
    }

    int peakThreadCount() throws IOException {
        return read(address("core-service", "platform-mbean", "type", "threading")).get("peak-thread-count").asInt();
    }

    long heapUsedBytes() throws IOException {
        return read(address("core-service", "platform-mbean", "type", "memory")).get("heap-memory-usage", "used").asLong();
    }

    long heapMaxBytes() throws IOException {
        return read(address("core-service", "platform-mbean", "type", "memory")).get("heap-memory-usage", "max").asLong();
    }

    /** How many server threads are inside a method of the class, now. */
    long threadsInside(String className) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("dump-all-threads");
        op.get("address").set(address("core-service", "platform-mbean", "type", "threading"));
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        List<ModelNode> threads = execute(op).asList();
        return threads.stream()
                .filter(t -> t.hasDefined("stack-trace") && t.get("stack-trace").asList().stream()
                        .anyMatch(frame -> className.equals(frame.get("class-name").asString())))
                .count();
    }

    private ModelNode read(ModelNode address) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-resource");
        op.get("address").set(address);
        op.get("include-runtime").set(true);
        return execute(op);
    }

    private ModelNode execute(ModelNode op) throws IOException {
        ModelNode result = client.getControllerClient().execute(op);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new IOException("management operation failed: " + result);
        }
        return result.get("result");
    }

    private static ModelNode address(String... pairs) {
        ModelNode address = new ModelNode().setEmptyList();
        for (int i = 0; i < pairs.length; i += 2) {
            address.add(pairs[i], pairs[i + 1]);
        }
        return address;
    }
}
