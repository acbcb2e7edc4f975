package io.ferry.endpoint.report;

/** A report the credential may make, with the organisation that owns its cluster (from the endpoint's records). */
record OwnedReport(AgentReport report, String orgId) {
}
