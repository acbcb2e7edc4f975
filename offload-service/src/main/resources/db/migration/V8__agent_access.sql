-- Which credentials let each kubecluster's agent in through the agent endpoint (published as AgentAccessChanged).
-- Only hashes: the credential itself is in the install manifest that issued it, and nowhere else.
CREATE TABLE agent_access (
    cluster_id  text PRIMARY KEY,
    org_id      text        NOT NULL,
    revision    bigint      NOT NULL,
    -- [{"sha256": "<hex>", "validUntil": "<ISO instant or absent>"}]
    credentials jsonb       NOT NULL,
    revoked_at  timestamptz,
    removed     boolean     NOT NULL DEFAULT false
);
