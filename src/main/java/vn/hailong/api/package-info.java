/**
 * The integrator API v1: the contract with the one-stop software (units, dossiers, complaints,
 * ratings from other channels). It composes the capabilities' services and speaks RFC 9457 problems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrator API v1")
@org.jspecify.annotations.NullMarked
package vn.hailong.api;
