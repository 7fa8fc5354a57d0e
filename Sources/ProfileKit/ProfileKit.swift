// The umbrella module: `import ProfileKit` brings the model, the validation engine and the
// stores with their use cases, and each spec's HTTP contract.
@_exported import ProfileDomain
@_exported import ProfileHTTP
@_exported import ProfileStore
@_exported import ProfileValidation
