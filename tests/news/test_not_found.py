def test_it_gives_404_for_an_unknown_article(client, province):
    response = client.get("/p/sotttt/tin-tuc/su-kien/khong-co-bai-nay/")
    assert response.status_code == 404
    response = client.get("/p/sotttt/tin-tuc/su-kien/khong-co-bai-nay/ban-in/pdf/")
    assert response.status_code == 404


def test_it_shows_the_first_page_for_a_bad_page_number(client, province):
    assert client.get("/p/sotttt/tin-tuc/?trang=abc").status_code == 200
    assert client.get("/p/sotttt/tin-tuc/su-kien/?trang=99999").status_code == 200
