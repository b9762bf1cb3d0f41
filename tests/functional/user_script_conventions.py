"""A user's script with every helper of issue 15, checked by `mypy --strict` in
test_conventions.py against a package generated from corpus pages (`issue15_sdk`). Not run:
each `reveal_type` is compared with the type the helper promises."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import reveal_type

from issue15_sdk.client import AsyncClient, Client, GraphError
from issue15_sdk.models import User


@dataclass
class Token:
    token: str
    expires_on: int


class Credential:
    def get_token(self, *scopes: str) -> Token:
        return Token("T", int(time.time()) + 3600)


class AsyncCredential:
    async def get_token(self, *scopes: str) -> Token:
        return Token("T", int(time.time()) + 3600)


client = Client("https://graph.microsoft.us/v1.0", credential=Credential())

# 1. delta and paging metadata
items = client.users.delta.list_all(select=["displayName"], max_page_size=50)
for user in items:
    reveal_type(user)
reveal_type(items.delta_link)
reveal_type(items.total_count)
for page in client.users.pages(count=True):
    reveal_type(page)
    reveal_type(page.next_link)
if items.delta_link is not None:
    reveal_type(client.users.delta.follow(items.delta_link).get())
    client.path(items.delta_link).get()  # the same request; typed at run time only

# 2. JSON batching
with client.batch() as batch:
    me = batch.users.by_id("u1").get(select=["id"])
    renamed = batch.users.by_id("u1").patch(User(display_name="A"), after=me)
    raw = batch.path("/users/u2").get()
reveal_type(me)
reveal_type(me.result())
reveal_type(renamed.result())
reveal_type(raw.result())
try:
    me.result()
except GraphError as error:
    reveal_type(error.status)

# 4. PATCH that sends what changed
fetched = client.users.by_id("u1").get()
fetched.job_title = "Store Manager"
fetched.mobile_phone = None
if fetched.business_phones:
    fetched.business_phones.append("+1 425 555 0110")
reveal_type(fetched.changes())
client.users.by_id("u1").patch(fetched)
with client.batch() as batch:
    patched = batch.users.by_id("u1").patch(fetched)

# 6. request options that Graph documents
message = client.me.messages.by_id("m1").get(timezone="Pacific Standard Time")
client.me.messages.by_id("m1").patch({"isRead": True}, if_match=message, return_minimal=True)
client.users.get(search='"displayName:al"', consistency_level="eventual")

# 3. large file upload: typed by the item the action is bound to; a batch cannot carry it
uploaded = client.me.drive.items.by_id("i1").create_upload_session.upload(
    "large.bin",
    body={"item": {"@microsoft.graph.conflictBehavior": "rename"}},
    chunk_size=20 * 327680,
    progress=lambda sent, total: print(f"{sent}/{total}"),
)
reveal_type(uploaded)
with client.batch() as batch:
    batch.me.drive.items.by_id("i1").create_upload_session.upload(b"x")  # type: ignore[attr-defined]


# 5. async credentials, and the same helpers awaited
async def main() -> None:
    async with AsyncClient(credential=AsyncCredential()) as c:
        users = c.users.delta.list_all()
        async for user in users:
            reveal_type(user)
        reveal_type(users.delta_link)
        async with c.batch() as batch:
            handle = batch.users.by_id("u1").get()
        reveal_type(handle.result())
        item = await c.me.drive.items.by_id("i1").create_upload_session.upload(Path("f"))
        reveal_type(item)
