from emulation.roles import scope_of


def roles(request):
    scope = scope_of(request.user)
    return {"scope": scope, "user_roles": scope.roles}
