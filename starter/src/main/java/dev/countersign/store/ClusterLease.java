package dev.countersign.store;

/**
 * A named duty that one replica of a cluster performs at a time, such as exporting a cluster-wide
 * gauge. The holder renews the lease well before it runs out; when the holder stops (or stops
 * renewing), another replica takes it over at its next attempt.
 */
public interface ClusterLease {

    /** Takes the lease if it is free or expired, or renews it if this replica holds it; whether it does now. */
    boolean acquireOrRenew();

    /** Gives the lease up if this replica holds it, so another takes it over without waiting for expiry. */
    void release();

    /** The lease of a process that is the whole cluster (no shared database): always held. */
    static ClusterLease solo() {
        return new ClusterLease() {
            @Override
            public boolean acquireOrRenew() {
                return true;
            }

            @Override
            public void release() {}
        };
    }
}
