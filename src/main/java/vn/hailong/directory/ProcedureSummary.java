package vn.hailong.directory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record ProcedureSummary(
        UUID id, String code, String name, @Nullable String field) {}
