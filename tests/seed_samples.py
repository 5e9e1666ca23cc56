"""The seed's reference task, its observed mistake and the two notes a reviewer wrote about it.

Shared by the tests that build runs by hand (gate, report) so the seed's words live in one place.
"""

TASK = "user-flags/python"
BAD_CODE = (
    "def update_user_flags(request, repo):\n"
    "    try:\n"
    "        user = repo.find(request['UserId'])\n"
    "        user['ActiveFlag'] = request['ActiveFlag']\n"
    "        repo.save(user)\n"
    "    except Exception:\n"
    "        return {'code': 50003, 'message': 'bad flag'}\n"
    "    return {'code': 0, 'message': 'ok'}\n"
)
VALIDATION_NOTE = (
    "Didn't include any parameter validation (error codes 50001, 50002, 50003) as required."
)
CATCH_NOTE = (
    "Used error code 50003 within the try...catch block, which should be used to validate the flag "
    "parameters (ActiveFlag, SystemDeleteFlag)."
)
