"""The benchmark's floor: the same HTTP stack as Rasa (Sanic) answering a fixed reply at the REST
address, with no understanding at all. Whatever the assistant costs above this is ours."""
import argparse

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

app = Sanic("bench_floor")


@app.get("/")
async def ready(request: Request) -> HTTPResponse:
    return json({"status": "ok"})


@app.post("/webhooks/rest/webhook")
async def reply(request: Request) -> HTTPResponse:
    sender = (request.json or {}).get("sender", "")
    return json([{"recipient_id": sender, "text": "A fixed reply."}])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    app.run(host="127.0.0.1", port=parser.parse_args().port, access_log=False, workers=1)
