package vn.hailong.directory;

import java.util.UUID;

public record ProcedureSummary(UUID id, String code, String name, String field) {}
