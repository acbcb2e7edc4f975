-- A document's ETag follows from its id and revision (common-rest's Etags) when it is read, so it is not stored:
-- every write of a progress document, by the agent's updates or by its job's end, is its next revision.
ALTER TABLE kubepvcprogress DROP COLUMN etag;
