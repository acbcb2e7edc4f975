-- Who may connect: each kubecluster's credential hashes, as offload-service last published them (AgentAccessChanged).
CREATE TABLE agent_access (
    cluster_id  text PRIMARY KEY,
    org_id      text        NOT NULL,
    revision    bigint      NOT NULL,
    -- [{"sha256": "<hex>", "validUntil": "<ISO instant or absent>"}]
    credentials jsonb       NOT NULL,
    revoked_at  timestamptz,
    removed     boolean     NOT NULL
);

-- What each cluster's agent was given: a report about a job or an objectstore is taken only from the cluster
-- the job (the check) was delivered to.
CREATE TABLE agent_delivery (
    subject_id   text        NOT NULL,
    cluster_id   text        NOT NULL,
    org_id       text        NOT NULL,
    delivered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_id, cluster_id)
);

-- Where each agent's command stream stands: the next offset per partition of ferry.agent-commands after the last
-- batch the agent confirmed. Agent: a cluster id, or "local".
CREATE TABLE agent_cursor (
    agent       text   NOT NULL,
    partition   int    NOT NULL,
    next_offset bigint NOT NULL,
    PRIMARY KEY (agent, partition)
);
