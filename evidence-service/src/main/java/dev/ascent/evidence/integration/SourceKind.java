package dev.ascent.evidence.integration;

import dev.ascent.evidence.vocabulary.EvidenceSource;

/** The tools that push project data, and the identity each names its users by. */
public enum SourceKind {
    GITHUB(IdentityKind.GITHUB_LOGIN, EvidenceSource.GITHUB),
    JIRA(IdentityKind.JIRA_ACCOUNT_ID, EvidenceSource.JIRA),
    LINEAR(IdentityKind.LINEAR_USER_ID, EvidenceSource.LINEAR),
    GENERIC(IdentityKind.EMAIL, EvidenceSource.GENERIC);

    private final IdentityKind identity;
    private final EvidenceSource evidenceSource;

    SourceKind(IdentityKind identity, EvidenceSource evidenceSource) {
        this.identity = identity;
        this.evidenceSource = evidenceSource;
    }

    public IdentityKind identity() {
        return identity;
    }

    public EvidenceSource evidenceSource() {
        return evidenceSource;
    }
}
