import ProfileDomain
import ProfileStore

/// The lifecycle routes of every spec (`Docs/Lifecycle.md`): one dispatch, four renderings.
extension ProfileAPI {
    /// Runs `operation` for the caller and answers in `spec`'s envelope.
    func lifecycle(
        _ operation: LifecycleOperation, _ call: RouteCall, in spec: ProfileSpec.Name
    ) async throws(ProfileError) -> EndpointResponse {
        let outcome = try await run(operation, call)
        let now = call.service.now()
        switch spec {
        case .creator:
            return Self.json(JSONValue.object(["success": .bool(true), operation.member: outcome.body(.creator)]))
        case .social:
            return Self.json(SocialWire.Envelope.ok(outcome.body(.social), message: operation.sentence, at: now))
        case .mobile:
            let member = LifecycleWireStyle.snakeCased(operation.member)
            return Self.json(JSONValue.object([member: outcome.body(.mobile)]))
        case .django:
            return Self.json(outcome.body(.django))
        }
    }

    private func run(_ operation: LifecycleOperation, _ call: RouteCall) async throws(ProfileError) -> LifecycleOutcome
    {
        let (caller, service) = (call.request.caller, call.service)
        if let scope = operation.operatorScopes.first {
            // The scope before the path and the body: an owner learns nothing from a malformed id
            // or body, and the order of checks stays 401, 403, then the rest.
            guard operation.operatorScopes.contains(where: caller.hasOperatorScope) else {
                throw ProfileError(
                    code: .forbidden, message: "This call needs an operator with the \(scope.rawValue) scope")
            }
            if operation == .releaseUsernameHold {
                return .released(try await service.releaseUsernameHold(call.parameters["username"] ?? "", for: caller))
            }
            return try await runOperator(operation, on: try operatorTarget(call), call)
        }
        if operation == .usernameHistory { return .history(try await service.usernameHistory(for: caller)) }
        guard let owner = caller.userID else {
            throw ProfileError(
                code: .forbidden, message: "An operator owns no profile; it acts through the operator calls")
        }
        let state: AccountState
        switch operation {
        case .deactivate: state = try await service.deactivateAccount(owner, for: caller)
        case .reactivate: state = try await service.reactivateAccount(owner, for: caller)
        case .requestDeletion: state = try await service.requestDeletion(owner, for: caller)
        case .cancelDeletion: state = try await service.cancelDeletion(owner, for: caller)
        default: state = try await service.accountState(of: owner, for: caller)
        }
        return .state(owner, state)
    }

    private func runOperator(
        _ operation: LifecycleOperation, on target: UserID, _ call: RouteCall
    ) async throws(ProfileError) -> LifecycleOutcome {
        let (caller, service) = (call.request.caller, call.service)
        switch operation {
        case .suspend:
            let until = try decode(SuspensionRequest.self, call.request, emptyMeansObject: true).end()
            return .state(target, try await service.suspendAccount(target, until: until, for: caller))
        case .reinstate:
            return .state(target, try await service.reinstateAccount(target, for: caller))
        case .userAccountState:
            return .state(target, try await service.accountState(of: target, for: caller))
        case .userUsernameHistory:
            return .history(try await service.usernameHistory(of: target, for: caller))
        default:
            return .purged(try await service.purgeAccount(target, for: caller).userID)
        }
    }

    /// The user an operator route names; a segment that is no user id names nobody (404).
    private func operatorTarget(_ call: RouteCall) throws(ProfileError) -> UserID {
        guard let target = (call.parameters["userId"] ?? call.parameters["user_id"]).flatMap(UserID.init) else {
            throw .userNotFound
        }
        return target
    }
}

extension LifecycleOperation {
    /// The member that holds the payload in the creator and mobile bodies (snake_cased for mobile).
    var member: String {
        switch self {
        case .usernameHistory, .userUsernameHistory: "usernameHistory"
        case .releaseUsernameHold: "releasedHold"
        default: "account"
        }
    }

    /// The social envelope's `message`.
    var sentence: String {
        switch self {
        case .deactivate: "Account deactivated successfully"
        case .reactivate: "Account reactivated successfully"
        case .requestDeletion: "Account deletion requested successfully"
        case .cancelDeletion: "Account deletion cancelled successfully"
        case .accountState, .userAccountState: "Account state retrieved successfully"
        case .usernameHistory, .userUsernameHistory: "Username history retrieved successfully"
        case .suspend: "Account suspended successfully"
        case .reinstate: "Account reinstated successfully"
        case .releaseUsernameHold: "Username hold released successfully"
        case .purge: "Account purged successfully"
        }
    }
}
