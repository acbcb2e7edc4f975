package io.ferry.job.backuptarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.ferry.events.job.OffloadProvider;
import io.ferry.events.job.TargetSpec;
import io.ferry.events.vocabulary.TargetKind;
import io.ferry.job.objectstore.Objectstore;

/** From a kubeoffload's offload provider to the target its copies go to, on values alone. */
public final class TargetMapping {

    private TargetMapping() {
    }

    /** True when the provider names nothing (absent or {@code {}}): the copy goes to the agent's default target. */
    public static boolean namesNothing(OffloadProvider provider) {
        return provider == null || blank(provider.type()) && blank(provider.region()) && blank(provider.userObjectstore());
    }

    /** The user's objectstore the provider names, if it names one (which then wins over a type and region). */
    public static Optional<String> objectstoreId(OffloadProvider provider) {
        return provider == null || blank(provider.userObjectstore()) ? Optional.empty() : Optional.of(provider.userObjectstore().trim());
    }

    /**
     * The target of objectstore {@code id}.
     *
     * @param found the job's organisation's objectstore of that id as the read model has it; empty when it has none
     */
    public static TargetChoice objectstore(String id, Optional<Objectstore> found) {
        if (found.isEmpty() || found.get().target() == null) {
            String why = found.isPresent() && found.get().deleted() ? " (it was deleted)" : "";
            return TargetChoice.unavailable("Objectstore " + id + " does not exist" + why + "; the kubeoffload's offload_provider "
                    + "must name an objectstore of its organisation.");
        }
        TargetSpec target = found.get().target();
        return TargetChoice.to(new TargetSpec(target.kind(), id, target.name() == null ? id : target.name(), target.endpoint(),
                target.region(), target.bucket(), target.prefix(), target.pathStyle(), target.skipTlsVerify(), target.credentialsSecret()));
    }

    /**
     * Provider-managed storage of {@code type} in {@code region}, under a prefix of the organisation's own
     * ({@code <configured prefix>/<org>}, the organisation id percent-encoded so that it is one key segment), so that no
     * two organisations share keys.
     */
    public static TargetChoice managed(String type, String region, String orgId, Map<String, ? extends ManagedStorageConfig.Storage> byType) {
        if (blank(type)) {
            return TargetChoice.unavailable("The kubeoffload's offload_provider names a region (" + region.trim() + ") but no type of "
                    + "provider-managed storage, and no user_objectstore.");
        }
        String provider = ProviderTypes.normalize(type);
        Optional<? extends ManagedStorageConfig.Storage> configured = ProviderTypes.find(byType, provider);
        if (configured.isEmpty()) {
            return TargetChoice.unavailable("Provider-managed storage of type " + provider + " is not available in this installation "
                    + "(available: " + ProviderTypes.available(byType) + "); use an objectstore (user_objectstore) instead.");
        }
        if (blank(region)) {
            return TargetChoice.unavailable("Provider-managed storage of type " + provider + " needs a region; the kubeoffload's "
                    + "offload_provider names none.");
        }
        ManagedStorageConfig.Storage storage = configured.get();
        String where = region.trim();
        return TargetChoice.to(new TargetSpec(TargetKind.S3, null, provider + " " + where, storage.endpoint().orElse(null), where,
                storage.bucket(), organisationPrefix(storage.prefix().orElse(""), orgId), storage.pathStyle(), storage.skipTlsVerify(),
                storage.credentialsSecret().orElse(null)));
    }

    static String organisationPrefix(String configured, String orgId) {
        String base = configured.replaceAll("^/+|/+$", "");
        String org = URLEncoder.encode(orgId, StandardCharsets.UTF_8);
        return base.isEmpty() ? org : base + "/" + org;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
