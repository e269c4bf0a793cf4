package io.liquid5gc.evaluation.deploy;

/** What a process of a deployment is, for the resource tables (Table VIII). */
public enum ProcessRole {
    /** The always-on core: the all-in-one, or the NRF and the N2 proxy of a multi-process deployment. */
    CORE,
    /** An always-on NF process. */
    NF,
    /** A function unit behind the function runner (exists only while warm). */
    UNIT,
    /** Redis or etcd. */
    STORE,
    /** The evaluation's own JVM: the load generator (simulated gNB and UEs) and, for function deployments, the runner. */
    DRIVER
}
