// The umbrella module: `import ProfileKit` brings the model, the validation engine and the
// stores with their use cases.
@_exported import ProfileDomain
@_exported import ProfileStore
@_exported import ProfileValidation
