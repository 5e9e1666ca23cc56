class UserFlagsHandler:
    FLAGS = ("ActiveFlag", "SystemDeleteFlag")

    def __init__(self, repo):
        self.repo = repo

    @staticmethod
    def _int(value):
        return isinstance(value, int) and not isinstance(value, bool)

    def validate(self, request):
        user_id = request.get("UserId")
        if user_id is None or user_id == "":
            return {"code": 50001, "message": "UserId is required"}
        if not self._int(user_id) or user_id <= 0:
            return {"code": 50002, "message": "UserId must be a positive integer"}
        for name in self.FLAGS:
            value = request.get(name)
            if not self._int(value) or value not in (0, 1):
                return {"code": 50003, "message": f"{name} must be 0 or 1"}
        return None

    def handle(self, request):
        error = self.validate(request)
        if error is not None:
            return error

        try:
            user = self.repo.find(request["UserId"])
            if user is None:
                return {"code": 50004, "message": "User not found"}
            for name in self.FLAGS:
                user[name] = request[name]
            self.repo.save(user)
        except Exception as e:
            return {"code": 50000, "message": str(e)}
        return {"code": 0, "message": "success"}


def update_user_flags(request: dict, repo) -> dict:
    return UserFlagsHandler(repo).handle(request)
