"""Uploads on a real S3 engine: Ceph's RADOS Gateway started by ops/objectstore.py.

One object store for the module (kept in var/test-objectstore between sessions, so a later run
starts it in seconds): first the storage API against it in this process, then the whole
`make cluster` (ops/cluster.py) with it: a picture sent to the editor's upload view of an app
server lands in the bucket with its renditions, and the public page's pictures come through
Varnish, cached from the second request on.
"""

import json
import re
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from django.test import RequestFactory

from articles.images import generate_renditions
from newsroom import views
from ops.objectstore import CACHE_CONTROL, VAR, ObjectStore, ObjectStoreError
from tests.cluster.processes import free_port, manage, running_cluster
from tests.factories import jpeg_bytes, make_image

pytestmark = pytest.mark.cluster

DB_NAME = "newsroom_storage_test"


@pytest.fixture(scope="module")
def objectstore():
    if not (shutil.which("radosgw") and shutil.which("ceph-osd")):
        pytest.fail("Ceph is missing: apt-get install radosgw ceph-mon ceph-osd (.ci/run does)")
    store = ObjectStore(VAR / "test-objectstore", port=free_port(), mon_port=free_port())
    scratch = None
    try:
        store.start()
    except ObjectStoreError as error:
        if "in use" not in str(error):
            raise
        # Another session holds the kept one: make a fresh store for this run.
        scratch = Path(tempfile.mkdtemp(prefix="newsroom-objectstore-"))
        store = ObjectStore(scratch, port=free_port(), mon_port=free_port()).start()
    yield store
    store.stop()
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture
def bucket(objectstore, settings):
    """The default storage is the bucket, as settings.py makes it from the AWS_* variables."""
    env = objectstore.env(public_url="/media/")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "newsroom.storage.PublicMediaStorage",
            "OPTIONS": {
                "bucket_name": env["AWS_STORAGE_BUCKET_NAME"],
                "endpoint_url": env["AWS_S3_ENDPOINT_URL"],
                "access_key": env["AWS_ACCESS_KEY_ID"],
                "secret_key": env["AWS_SECRET_ACCESS_KEY"],
                "region_name": env["AWS_S3_REGION_NAME"],
                "addressing_style": "path",
                "object_parameters": {"CacheControl": CACHE_CONTROL},
            },
        },
    }
    return objectstore.client()


def stored(s3, key: str) -> dict:
    return s3.head_object(Bucket="media", Key=key)


@pytest.mark.django_db
def test_a_picture_and_its_renditions_are_written_to_the_bucket(bucket):
    image = make_image()
    renditions = generate_renditions(image)
    assert renditions
    for name in [image.file.name, *(r.file.name for r in renditions)]:
        head = stored(bucket, name)
        assert head["ContentType"].startswith("image/")
        assert head["CacheControl"] == CACHE_CONTROL
    assert image.file.url == f"/media/{image.file.name}"  # unsigned: the proxy can keep it


def test_a_stored_picture_is_public_but_the_bucket_cannot_be_listed(bucket, objectstore):
    key = f"images/test/{uuid.uuid4().hex}.jpg"
    bucket.put_object(Bucket="media", Key=key, Body=jpeg_bytes(), ContentType="image/jpeg")
    with urllib.request.urlopen(f"{objectstore.endpoint_url}/media/{key}", timeout=10) as response:
        assert response.read()[:2] == b"\xff\xd8"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{objectstore.endpoint_url}/media/", timeout=10)
    assert refused.value.code == 403


def test_the_media_view_streams_a_picture_from_the_bucket(bucket):
    key = f"images/test/{uuid.uuid4().hex}.jpg"
    bucket.put_object(Bucket="media", Key=key, Body=jpeg_bytes(), ContentType="image/jpeg")
    response = views.media(RequestFactory().get(f"/media/{key}"), key)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    with pytest.raises(views.Http404):
        views.media(RequestFactory().get("/media/images/none.jpg"), "images/none.jpg")


# -- the whole cluster ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster(objectstore):
    with running_cluster(DB_NAME, objectstore=objectstore) as running:
        yield running


def editor_session(cluster) -> str:
    return manage(
        cluster,
        "from django.test import Client; from tests.workflow.factories import make_role_user; "
        "c = Client(); c.force_login(make_role_user('editor')); print(c.cookies['sessionid'].value)",
    )


def post_picture(url: str, session: str, picture: bytes) -> dict:
    token = uuid.uuid4().hex  # a CSRF secret of our own, sent as cookie and header alike
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; filename="lead.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + picture
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url,
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"sessionid={session}; csrftoken={token}",
            "X-CSRFToken": token,
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def fetch(url: str) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_an_upload_on_an_app_server_lands_in_the_bucket_and_is_served_through_the_proxy(cluster, objectstore):
    app = f"http://127.0.0.1:{cluster.ports['apps'][1]}"
    proxy = f"http://127.0.0.1:{cluster.ports['proxy']}"
    answer = post_picture(
        f"{app}/en/admin/articles/image/editor-upload/", editor_session(cluster), jpeg_bytes(size=(1000, 600))
    )
    assert answer["uploaded"] == 1, answer
    key = answer["url"].removeprefix("/media/")
    s3 = objectstore.client()
    assert stored(s3, key)["ContentLength"] > 0
    # Its renditions too (made by the upload view), and nothing of them on the app server's disk.
    with psycopg.connect(cluster.env["DATABASE_URL"]) as db:
        renditions = [
            row[0]
            for row in db.execute(
                "SELECT r.file FROM articles_imagerendition r JOIN articles_image i ON i.id = r.image_id "
                "WHERE i.file = %s",
                [key],
            )
        ]
    assert len(renditions) >= 4  # 480, 800 and 1000 wide, WebP and JPEG
    for name in renditions:
        assert stored(s3, name)["ContentLength"] > 0

    url = manage(
        cluster,
        "import itertools, time; from django.utils import timezone; from articles.models import Image; "
        "from tests import factories; factories._seq = itertools.count(time.time_ns() // 1000 % 10**6); "
        f"article = factories.make_article(lead_image=Image.objects.get(file={key!r}), publish_at=timezone.now()); "
        "print(article.get_absolute_url('en'))",
    )
    status, _, page = fetch(proxy + url)
    assert status == 200
    pictures = set(re.findall(r'(/media/renditions/[^" ,]+)', page.decode()))
    assert pictures and pictures <= {f"/media/{name}" for name in renditions}
    for picture in pictures:
        status, headers, body = fetch(proxy + picture)
        assert status == 200
        assert body[:2] == b"\xff\xd8" or body[8:12] == b"WEBP"
        assert "Set-Cookie" not in headers
        again = fetch(proxy + picture)[1]
        assert again["X-Proxy-Cache"] == "HIT"
        assert "immutable" in again["Cache-Control"]
        # A query string neither reaches the store (?policy is a request of its own in S3)
        # nor makes another copy.
        assert fetch(proxy + picture + "?policy")[1]["X-Proxy-Cache"] == "HIT"


def test_a_backup_archives_the_bucket_and_a_restore_puts_back_exactly_its_objects(objectstore, tmp_path):
    from ops import backup

    name = f"backup-{uuid.uuid4().hex[:12]}"
    objectstore.client().create_bucket(Bucket=name)
    bucket = backup.media_bucket({**objectstore.env(), "AWS_STORAGE_BUCKET_NAME": name})
    bucket.put_object(Key="images/2026/12/kept.jpg", Body=jpeg_bytes(), ContentType="image/jpeg")
    with tarfile.open(tmp_path / "media.tar.gz", "w:gz") as archive:
        assert backup.archive_media(archive, bucket=bucket) == 1
    # Disaster: the picture is lost, and something the backup never had appears.
    bucket.Object("images/2026/12/kept.jpg").delete()
    bucket.put_object(Key="images/2026/12/stray.jpg", Body=b"x")
    with tarfile.open(tmp_path / "media.tar.gz", "r:gz") as archive:
        archive.extractall(tmp_path / "out", filter="data")
    backup.restore_bucket(tmp_path / "out" / "media", bucket)
    assert [o.key for o in bucket.objects.all()] == ["images/2026/12/kept.jpg"]
    restored = bucket.Object("images/2026/12/kept.jpg").get()
    assert restored["Body"].read() == jpeg_bytes()
    assert restored["ContentType"] == "image/jpeg"
